import { All, Controller, NotFoundException } from '@nestjs/common';
import { WebPages } from '../auth/pages.decorator';

/** Registered last: any path no page or API route took is a GOV.UK 404 page (problem+json under /api). */
@WebPages()
@Controller()
export class NotFoundController {
  @All('*path')
  notFound(): never {
    throw new NotFoundException('Page not found');
  }
}
