import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { KitContext } from '../context.js';
import { forbidden } from '../errors.js';

const GUARDED = new Set(['_entities', '_service']);

function rootFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) names.push(...rootFields(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) names.push(...rootFields(fragment.selectionSet, fragments, seen));
    }
  }
  return names;
}

export function selectsFederationInternals(document: DocumentNode, operationName?: string | null): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return document.definitions.some((d) =>
    d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName)
    && rootFields(d.selectionSet, fragments).some((f) => GUARDED.has(f)));
}

/** `_entities` and `_service` expose every entity by id: only the gateway (signed) or a SERVICE token may use them. */
export const federationGuard: ApolloServerPlugin<KitContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, contextValue, request }) {
        const caller = contextValue.caller;
        if (caller.viaGateway || caller.roles.includes('SERVICE')) return;
        if (selectsFederationInternals(document, request.operationName)) {
          const error = forbidden('_entities and _service answer only the gateway or a SERVICE token');
          (error.extensions as Record<string, unknown>).http = { status: 403 }; // a refusal, not a server fault
          throw error;
        }
      },
    };
  },
};
