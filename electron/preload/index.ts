/**
 * Preload (sandboxed, context-isolated): exposes exactly one function per contract
 * channel as `window.patuh`, and nothing else — no ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../../src/shared/contract';

const bridge = Object.freeze(
  Object.fromEntries(channels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)])),
);

contextBridge.exposeInMainWorld('patuh', bridge);
