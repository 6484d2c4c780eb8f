import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { forbidden, hasRole, type KitContext } from 'subgraph-kit';
import { checkCode } from 'subgraph-kit/codes';
import { Assessment } from '../entities/assessment.entity.js';
import { CriteriaSet } from '../entities/criteria-set.entity.js';
import { organizationRef } from '../entities/refs.js';
import { AreaMonitoringEntry } from '../views/shapes.js';
import { fetchOrganizations } from '../reads.js';
import { areaResultView, indexOf, scoreViews } from '../views/build.js';

/**
 * A department that advises the city on a reform area monitors that area across every organization (QĐ 30/2018,
 * item 2): the one way a unit sees part of other units' unpublished scores.
 */
@Resolver(() => AreaMonitoringEntry)
export class AreaMonitoringResolver {
  @Authorized()
  @Query(() => [AreaMonitoringEntry], { description: 'Home Affairs; the head or staff of an organization whose advisesOn holds the area.' })
  async areaMonitoring(@Arg('year', () => Int) year: number, @Arg('areaCode', () => String) areaCode: string, @Ctx() ctx: KitContext) {
    checkCode(areaCode, 'areaCode');
    const caller = ctx.caller;
    if (!hasRole(caller, 'HOME_AFFAIRS')) {
      if (!caller.org || !hasRole(caller, 'ORG_HEAD', 'ORG_STAFF')) throw forbidden('Area monitoring is for Home Affairs and the organizations advising on the area');
      const own = (await fetchOrganizations(ctx, [caller.org], () => 'org')).get(caller.org);
      if (!own?.advisesOn.includes(areaCode)) throw forbidden(`Your organization does not advise the city on ${areaCode}`);
    }
    const sets = (await ctx.em.find(CriteriaSet, { year })).filter((s) => s.areaTree.some((a) => a.code === areaCode));
    if (sets.length === 0) return [];
    const byId = new Map(sets.map((s) => [s.id, s]));
    const assessments = await ctx.em.find(Assessment, { criteriaSetId: { $in: [...byId.keys()] } }, { orderBy: { block: 'asc', organizationId: 'asc' } });
    return assessments.map((a) => {
      const set = byId.get(a.criteriaSetId)!;
      const area = indexOf(set, a).areas.find((r) => r.areaCode === areaCode)!;
      return Object.assign(new AreaMonitoringEntry(), {
        organization: organizationRef(a.organizationId),
        assessmentId: a.id,
        status: a.status,
        result: areaResultView(area),
        scores: scoreViews(set, a, areaCode),
      });
    });
  }
}
