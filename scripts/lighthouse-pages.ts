/** The shared links Lighthouse measures as a phone opens them: an agent, and a filtered view of it. */
export const MOBILE_PAGES = [
  '/?agentId=agent_D5D0p7TUs66TTAEAx',
  '/?agentId=agent_D5D0p7TUs66TTAEAx&outcome=failed',
];
