import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, CurrentActor } from '../../access/actor.js';
import { SignedIn } from '../../access/route-access.js';
import { ApiErrorDoc, ApiSignedIn } from '../../common/api-docs.js';
import { FileDownloadsService } from './file-downloads.service.js';

@ApiTags('files')
@ApiSignedIn()
@Controller('files')
export class FilesController {
  constructor(private readonly downloads: FileDownloadsService) {}

  @SignedIn()
  @Get(':fileId')
  @ApiOperation({
    summary:
      "A file's bytes, to whoever may read what it is attached to. Range (one range: 206, or 416), ETag (the sha256) with If-None-Match (304). Inline only for images (not SVG), PDF, audio, video and plain text; an attachment otherwise.",
  })
  @ApiProduces('application/octet-stream')
  @ApiResponse({ status: 200, description: 'The bytes.' })
  @ApiResponse({ status: 206, description: 'The range asked for.' })
  @ApiResponse({ status: 404, type: ApiErrorDoc, description: 'Unknown, or not readable.' })
  download(
    @CurrentActor() actor: Actor,
    @Param('fileId') fileId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.downloads.sendFile(actor, fileId, req, res);
  }

  @SignedIn()
  @Get(':fileId/preview')
  @ApiOperation({ summary: "The file's preview image (WebP or PNG); 404 when it has none." })
  @ApiProduces('image/webp', 'image/png')
  @ApiResponse({ status: 200, description: 'The preview.' })
  @ApiResponse({ status: 404, type: ApiErrorDoc })
  preview(
    @CurrentActor() actor: Actor,
    @Param('fileId') fileId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.downloads.sendPreview(actor, fileId, req, res);
  }
}
