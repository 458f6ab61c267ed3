// Gives page.evaluate callbacks the renderer's `window.studio` type.
import '../../../src/renderer/src/ipc/bridge';
