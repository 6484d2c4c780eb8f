import type { EntityManager } from '@mikro-orm/postgresql';

export async function seedEvaluations(_em: EntityManager) {}
