import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { workspaceAgents } from './fixtures';

// The workspace's agents answer by default (the agent page names its agent from them); a test
// that is about the agent list overrides this with server.use().
export const server = setupServer(
  http.get('*/v1/agents', () =>
    HttpResponse.json({
      data: workspaceAgents,
      page: 0,
      size: 100,
      totalCount: workspaceAgents.length,
      totalPages: 1,
      hasNext: false,
      hasPrevious: false,
    }),
  ),
);
