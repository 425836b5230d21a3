import { mount } from '@/src/ui/mount';
import { OnboardingApp } from '@/src/ui/onboarding/OnboardingApp';

mount(<OnboardingApp />);
