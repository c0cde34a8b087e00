import {
  BadRequestException,
  Injectable,
  type ArgumentMetadata,
  type PipeTransform,
} from '@nestjs/common';
import { unstorableTextIn } from './storable-text.js';

/**
 * Global, before validation: every string of every body, query and route parameter must be
 * storable text (see storable-text.ts), so that no field of any DTO can carry a NUL or a lone
 * surrogate into the database. Parameters made by our own decorators (the actor) are not input.
 */
@Injectable()
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problems = unstorableTextIn(value, metadata.data ?? metadata.type);
    if (problems.length) throw new BadRequestException(problems);
    return value;
  }
}
