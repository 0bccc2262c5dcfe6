import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { httpClient } from './api';
import { App } from './App';
import { Session } from './session';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const session = new Session(httpClient());
createRoot(root).render(
  <StrictMode>
    <MantineProvider defaultColorScheme="light">
      <App session={session} />
    </MantineProvider>
  </StrictMode>,
);
