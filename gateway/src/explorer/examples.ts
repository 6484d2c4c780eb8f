/** One tab of the explorer: what a new user can run at once, each with the headers it needs. */
export interface ExplorerExample {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Shown in the tab's headers pane, as JSON. */
  headers?: Record<string, string>;
}

/** Where the README's token command goes: the placeholder is sent as it is and refused, which says what is missing. */
export const TOKEN_PLACEHOLDER = 'Bearer paste the output of: pnpm --silent run token --role HOME_AFFAIRS';

/** The README's queries: the public organization query, the createPerson mutation with a token, a published ranking. */
export const README_EXAMPLES: ExplorerExample[] = [
  {
    title: 'Public data of an organization (no token)',
    query: `query PublicOrganization {
  organizationByCode(code: "STC") {
    name
    reformIndex(year: 2025) { indexValue rank rankOf }
    headEvaluations(year: 2025) { finalLevel }
  }
}`,
  },
  {
    title: 'Create a person (HOME_AFFAIRS token)',
    query: `mutation CreatePerson {
  createPerson(fullName: "Nguyễn Văn A") { id }
}`,
    headers: { authorization: TOKEN_PLACEHOLDER },
  },
  {
    title: 'A published ranking (no token)',
    query: `query Ranking($block: String!, $year: Int!) {
  ranking(block: $block, year: $year) {
    year
    block
    average
    publication { decisionNumber }
    entries { rank indexValue band organization { code name } }
  }
}`,
    variables: { block: 'DEPARTMENTS', year: 2025 },
  },
];
