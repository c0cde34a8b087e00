import { Controller, Delete, Head, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, CurrentActor } from '../../access/actor.js';
import { SignedIn } from '../../access/route-access.js';
import { ApiErrorDoc, ApiSignedIn } from '../../common/api-docs.js';
import { UploadsService } from './uploads.service.js';

/**
 * tus 1.0 (core, creation, creation-with-upload, termination, expiration). The requests go to tus
 * as they are, so their bodies stream to disk; the service checks the person and the limits first.
 */
@ApiTags('uploads')
@ApiSignedIn()
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @SignedIn()
  @Post()
  @ApiOperation({
    summary:
      'tus creation: Upload-Length (at most UPLOAD_MAX_BYTES) and Upload-Metadata with filename and filetype; answers 201 with Location: /api/uploads/<uploadId>.',
  })
  @ApiResponse({ status: 201, description: 'Created; Location names the upload.' })
  @ApiResponse({ status: 400, type: ApiErrorDoc })
  @ApiResponse({ status: 413, type: ApiErrorDoc, description: 'Declared length over the limit.' })
  @ApiResponse({ status: 429, type: ApiErrorDoc, description: 'Rate or unfinished-upload quota.' })
  create(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.uploads.handle(actor, req, res);
  }

  @SignedIn()
  @Head(':uploadId')
  @ApiOperation({ summary: 'tus: the offset reached (Upload-Offset), to resume from.' })
  @ApiResponse({ status: 200, description: 'Upload-Offset and Upload-Length.' })
  @ApiResponse({ status: 404, description: "Unknown, or someone else's." })
  offset(
    @CurrentActor() actor: Actor,
    @Param('uploadId') uploadId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.uploads.handle(actor, req, res, uploadId);
  }

  @SignedIn()
  @Patch(':uploadId')
  @ApiOperation({
    summary:
      'tus: bytes from Upload-Offset (Content-Type application/offset+octet-stream). The last one checks the type by the bytes: 415 with code upload.type_refused, and nothing kept, when it is not accepted.',
  })
  @ApiResponse({ status: 204, description: 'Written; Upload-Offset is the new offset.' })
  @ApiResponse({ status: 404, type: ApiErrorDoc })
  @ApiResponse({ status: 415, type: ApiErrorDoc })
  append(
    @CurrentActor() actor: Actor,
    @Param('uploadId') uploadId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.uploads.handle(actor, req, res, uploadId);
  }

  @SignedIn()
  @Delete(':uploadId')
  @ApiOperation({ summary: 'tus termination: cancels an unfinished upload.' })
  @ApiResponse({ status: 204, description: 'Cancelled.' })
  @ApiResponse({ status: 404, type: ApiErrorDoc })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('uploadId') uploadId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.uploads.handle(actor, req, res, uploadId);
  }
}
