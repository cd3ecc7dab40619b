import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/forms.css';
import './styles/table.css';
import './styles/overlays.css';
import './styles/app.css';
import './styles/home.css';
import './styles/periods.css';
import './styles/instruments.css';
import './styles/indicator.css';
import './styles/checklist.css';
import './styles/responsive.css';

const root = document.getElementById('root');
if (!root) throw new Error('Elemen #root tidak ditemukan.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
