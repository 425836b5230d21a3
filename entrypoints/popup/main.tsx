import { mount } from '@/src/ui/mount';
import { PopupApp } from '@/src/ui/popup/PopupApp';

mount(<PopupApp />);
