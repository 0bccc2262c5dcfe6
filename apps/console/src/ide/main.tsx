import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './page.css';
import { gatewayFetcher } from './fetcher';

const DEFAULT_QUERY = `# Lattice: one endpoint over the whole supergraph.
# Sign in, then put the access token in the Headers tab:
#   { "Authorization": "Bearer <accessToken>" }
# Admins can try: subscription { liveStats(intervalSeconds: 2) { at usersTotal activeUsers } }

mutation SignIn {
  login(input: { email: "you@example.com", password: "your password" }) {
    accessToken
    refreshToken
    user { id email role }
  }
}

query Me {
  me { id email role }
}
`;

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    {/* Headers (bearer tokens) stay in memory: never written to localStorage. */}
    <GraphiQL
      fetcher={gatewayFetcher(window.location)}
      defaultQuery={DEFAULT_QUERY}
      shouldPersistHeaders={false}
    />
  </StrictMode>,
);
