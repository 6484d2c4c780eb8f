/**
 * A request's deadline, shared by the HTTP front and the mutation transaction so that what the client is told is
 * true. When the deadline passes (or the client hangs up, as the gateway does when it gives up on a subgraph) the
 * request is abandoned: a transaction that has not begun to commit sees it and rolls back. A transaction that has
 * begun to commit is let finish, and the client then gets its real answer, late, instead of a false "abandoned";
 * so does a request that has already committed something (a later failure must not hide a change that was made).
 */
export class RequestDeadline {
  private state: 'running' | 'committing' | 'committed' | 'abandoned' = 'running';
  private readonly controller = new AbortController();

  /** Aborted once the request is abandoned: long work may listen to it. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get abandoned(): boolean {
    return this.state === 'abandoned';
  }

  /** Abandons the request unless a commit is under way or done; says whether it did. */
  abandon(): boolean {
    if (this.state === 'committing' || this.state === 'committed') return false;
    if (this.state === 'running') {
      this.state = 'abandoned';
      this.controller.abort(new Error('The request was abandoned'));
    }
    return true;
  }

  /** Called right before a transaction commits: false when the request was abandoned (then roll back). */
  beginCommit(): boolean {
    if (this.state === 'abandoned') return false;
    if (this.state === 'running') this.state = 'committing';
    return true;
  }

  /** The commit finished: once something is saved the request is never called abandoned; a failed one may be. */
  endCommit(committed: boolean): void {
    if (this.state === 'committing') this.state = committed ? 'committed' : 'running';
  }
}
