import { z } from 'zod';
import { DomainSummary } from '../registry/registry.schema.js';

export { ErrorResponse } from '../../shared/schema.js';
export const DomainSummaryList = z.array(DomainSummary);
