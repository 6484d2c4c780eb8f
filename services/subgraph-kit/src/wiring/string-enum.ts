/**
 * A GraphQL/ORM enum object made from a list of names, each its own value (`{ DRAFT: 'DRAFT', … }`), for register-
 * EnumType and MikroORM's @Enum. A subgraph keeps the list in its pure rules (a workflow's states), so the contract,
 * the column and the rule share one spelling and nothing is cast between them.
 */
export function stringEnum<const T extends readonly string[]>(names: T): { readonly [K in T[number]]: K } {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as { readonly [K in T[number]]: K };
}
