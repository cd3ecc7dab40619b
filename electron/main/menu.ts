import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** Application menu in Bahasa Indonesia; no developer entries in production. */
export function buildMenu(getWindow: () => BrowserWindow | null, isDev: boolean): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Berkas',
      submenu: [{ role: 'quit', label: 'Keluar' }],
    },
    {
      label: 'Sunting',
      submenu: [
        { role: 'undo', label: 'Batalkan' },
        { role: 'redo', label: 'Ulangi' },
        { type: 'separator' },
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih semua' },
      ],
    },
    {
      label: 'Tampilan',
      submenu: [
        { role: 'reload', label: 'Muat ulang' },
        { role: 'resetZoom', label: 'Ukuran asli' },
        { role: 'zoomIn', label: 'Perbesar' },
        { role: 'zoomOut', label: 'Perkecil' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Layar penuh' },
        ...(isDev ? [{ role: 'toggleDevTools' as const, label: 'Alat pengembang' }] : []),
      ],
    },
    {
      label: 'Bantuan',
      submenu: [
        {
          label: 'Tentang Patuh',
          click: () => {
            const window = getWindow();
            const options = {
              type: 'info' as const,
              title: 'Tentang Patuh',
              message: `Patuh ${app.getVersion()}`,
              detail: 'Persiapan penilaian kepatuhan pelayanan publik (Ombudsman RI dan PEKPPP).\nFolder data: ' + app.getPath('userData'),
            };
            void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
