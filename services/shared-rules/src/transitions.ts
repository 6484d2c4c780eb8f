/**
 * How a workflow's transition table is read, for every aggregate that has one (an assessment, a head evaluation):
 * a caller who holds none of the stakes a step asks for is refused FORBIDDEN whatever the state, so nobody learns
 * how far somebody else's work got; a caller who may act, on an aggregate in a state the step does not start from,
 * is refused CONFLICT naming the state; otherwise the step leads to its next state (or keeps the state).
 */
export interface Transition<State extends string, Stake extends string> {
  from: readonly State[];
  /** The next state; null keeps the state. */
  to: State | null;
  /** Who may take the step: a holder of any one of these stakes. */
  by: readonly Stake[];
  /** Why anyone else is refused. */
  refusal: string;
  /** Why the state does not allow the step. */
  wrongState: (state: State) => string;
}

export type StepOutcome<State extends string> =
  | { ok: true; next: State }
  | { ok: false; code: 'FORBIDDEN'; message: string }
  | { ok: false; code: 'CONFLICT'; message: string; status: State };

export function takeStep<State extends string, Stake extends string>(
  step: Transition<State, Stake>,
  state: State,
  stakes: ReadonlySet<Stake>,
): StepOutcome<State> {
  if (!step.by.some((stake) => stakes.has(stake))) return { ok: false, code: 'FORBIDDEN', message: step.refusal };
  if (!step.from.includes(state)) return { ok: false, code: 'CONFLICT', message: step.wrongState(state), status: state };
  return { ok: true, next: step.to ?? state };
}
