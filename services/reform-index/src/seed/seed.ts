import type { EntityManager } from '@mikro-orm/postgresql';

export async function seedReformIndex(_em: EntityManager) {}
