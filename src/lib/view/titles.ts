/**
 * The document title of each view, for the tab and history. The views set it as they render
 * (an effect), and a server render puts the same one in the page it sends.
 */
export const boardTitle = () => 'All agents · Batch runs';

export const listTitle = (agent: string, page: number) => `${agent} · page ${page} · Batch runs`;

export const batchTitle = (batchId: string, agent: string) =>
  `Batch ${batchId} · ${agent} · Batch runs`;
