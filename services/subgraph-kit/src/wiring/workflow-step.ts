import { conflict, forbidden } from '../errors.js';

/** A workflow rule's answer (a subgraph's transition table): the next state, or why not. */
export type StepAnswer<State> =
  | { ok: true; next: State }
  | { ok: false; code: 'FORBIDDEN'; message: string }
  | { ok: false; code: 'CONFLICT'; message: string; status: State };

/**
 * The next state, or the refusal as the client sees it: FORBIDDEN, or CONFLICT with `extensions.status`.
 * `forbiddenMessage` says who may act where only the resolver knows it (a head named on a day).
 */
export function nextStateOrRefuse<State>(answer: StepAnswer<State>, forbiddenMessage?: string): State {
  if (answer.ok) return answer.next;
  if (answer.code === 'FORBIDDEN') throw forbidden(forbiddenMessage ?? answer.message);
  throw conflict(answer.message, { status: answer.status });
}
