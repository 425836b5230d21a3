import { mount } from '@/src/ui/mount';
import { PopupApp } from '@/src/ui/popup/PopupApp';
import { prefetchPortfolio } from '@/src/ui/stores/portfolio';

prefetchPortfolio();
mount(<PopupApp />);
