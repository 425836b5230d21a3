import { chromePlatform } from '../src/background/chromePlatform';
import { startBackground } from '../src/background';

export default defineBackground({
  main() {
    startBackground(chromePlatform(import.meta.env.WXT_DEVNET_API ?? 'http://127.0.0.1:8547'));
  },
});
