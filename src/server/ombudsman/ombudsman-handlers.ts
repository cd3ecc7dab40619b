/** Handlers of the Ombudsman 2025– channels (service products, survey tracker, findings). */
import type { Handlers } from '../../shared/contract';
import type { ServerContext } from '../context';
import { ombudsmanOverview, removeFinding, saveFinding, unitFindings } from './findings-service';
import { removeProduct, saveProduct, unitProducts } from './products-service';

type OmbudsmanHandlers = Pick<
  Handlers,
  'ombudsman:products' | 'ombudsman:save-product' | 'ombudsman:remove-product' | 'ombudsman:findings' | 'ombudsman:save-finding' | 'ombudsman:remove-finding' | 'ombudsman:overview'
>;

export function createOmbudsmanHandlers(ctx: ServerContext): OmbudsmanHandlers {
  return {
    'ombudsman:products': (input) => unitProducts(ctx, input),
    'ombudsman:save-product': (input) => saveProduct(ctx, input),
    'ombudsman:remove-product': (input) => removeProduct(ctx, input),
    'ombudsman:findings': (input) => unitFindings(ctx, input),
    'ombudsman:save-finding': (input) => saveFinding(ctx, input),
    'ombudsman:remove-finding': (input) => removeFinding(ctx, input),
    'ombudsman:overview': (input) => ombudsmanOverview(ctx, input),
  };
}
