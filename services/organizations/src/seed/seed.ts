import type { EntityManager } from '@mikro-orm/postgresql';

export async function seedOrganizations(_em: EntityManager) {}
