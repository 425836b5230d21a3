import { defineMessage } from './defineMessage';
import { readPortfolioInput, type PortfolioGetInput, type PortfolioView } from './portfolioGet';

/** Forces a balance read; answers when the read is done (stale: false), proofs continue behind it. */
export const portfolioRefresh = defineMessage<PortfolioGetInput, PortfolioView>()({
  type: 'portfolio/refresh',
  validate: readPortfolioInput,
});
