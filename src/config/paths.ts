/** Route paths. The app uses hash routing, so every route works on any static host and sub-path. */
export const paths = {
  home: '/',
  planner: '/plan',
  step: (stepId: string) => `/plan/${stepId}`,
  reference: '/reference',
  /** Permalink: /open/<encoded plan> (all inside the URL fragment). */
  open: '/open',
} as const;
