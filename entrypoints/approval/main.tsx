import { mount } from '@/src/ui/mount';
import { ApprovalApp } from '@/src/ui/approval/ApprovalApp';

mount(<ApprovalApp />);
