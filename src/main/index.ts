// Electron bootstrap: replaced by the hardened shell (window policy, IPC transport, media protocol).
import { app } from 'electron';

app.whenReady().then(() => app.quit());
