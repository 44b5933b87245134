import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { watchDocumentLanguage } from './i18n/locale-store';
import { SessionProvider } from './lib/session';
import './styles.css';

watchDocumentLanguage();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
