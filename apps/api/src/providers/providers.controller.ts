import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListKnownProviders } from '@ledger/application';
import { AnyRole } from '../auth/auth.decorators';

@ApiTags('placements')
@ApiBearerAuth()
@Controller('api/providers')
export class ProvidersController {
  constructor(private readonly queries: QueryBus) {}

  /** Providers commissioned from so far, each with its Ofsted grade and distance as last recorded. */
  @Get()
  @AnyRole()
  async list() {
    const providers = await this.queries.execute(new ListKnownProviders());
    return { count: providers.length, providers };
  }
}
