import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page, pageDtoOf } from '../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import { attachmentDisposition } from './attachment-file-name';
import { servedContentType } from './attachment-types';
import { AttachmentUploadProblems } from './attachment-upload.interceptor';
import { AttachmentsService, type UploadedFilePart } from './attachments.service';
import { AttachmentDto, AttachmentListQueryDto, UPLOAD_ATTACHMENT_SCHEMA, UploadAttachmentDto } from './dto/attachment.dto';

@ApiTags('attachments')
@Controller('projects/:id/attachments')
export class ProjectAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @RequirePermissions('project.participate')
  @UseInterceptors(AttachmentUploadProblems, FileInterceptor('file'))
  @ApiOperation({
    summary: 'Attach a file to a project, or to one of its assessments or conditions (participants; multipart/form-data)',
    description:
      'The type is detected from the bytes (PDF, PNG, JPEG, GIF, WebP, DOCX/XLSX/PPTX, UTF-8 text, CSV); anything else is 415 `unsupported-attachment-type`. Over ATTACHMENT_MAX_BYTES is 413 `attachment-too-large`.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_ATTACHMENT_SCHEMA })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiProblems(400, 404, 409, 413, 415)
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: UploadedFilePart | undefined,
    @Body() dto: UploadAttachmentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AttachmentDto> {
    const attachment = await this.attachments.upload(principal, id, file, dto);
    res.setHeader('Location', `/api/v1/attachments/${attachment.id}`);
    return attachment;
  }

  @Get()
  @RequirePermissions('project.read')
  @ApiOperation({ summary: 'The files attached to a project (anyone who can see it), newest first' })
  @ApiOkResponse({ type: pageDtoOf(AttachmentDto) })
  @ApiProblems(400, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: AttachmentListQueryDto,
  ): Promise<Page<AttachmentDto>> {
    return this.attachments.list(principal, id, query);
  }
}

@ApiTags('attachments')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id')
  @RequirePermissions('project.read')
  @ApiOperation({ summary: 'One attachment’s metadata (anyone who can see its project)' })
  @ApiOkResponse({ type: AttachmentDto })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<AttachmentDto> {
    return this.attachments.get(principal, id);
  }

  @Get(':id/content')
  @RequirePermissions('project.read')
  @ApiOperation({
    summary: 'Download an attachment (Content-Disposition: attachment, the detected type, nosniff)',
  })
  @ApiOkResponse({
    description: 'The file, with the content type detected at upload',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'Content-Disposition': { description: 'attachment; filename="…"; filename*=UTF-8\'\'…', schema: { type: 'string' } },
      'X-Content-Type-Options': { description: 'nosniff', schema: { type: 'string' } },
    },
  })
  @ApiProblems(404)
  async content(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.content(principal, id);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Even if a browser were to open it, nothing in it may run or load anything.
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(stream, {
      type: servedContentType(attachment.contentType),
      disposition: attachmentDisposition(attachment.fileName),
      length: attachment.sizeBytes,
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('project.participate')
  @ApiOperation({ summary: 'Delete an attachment (the uploader or the CIO): hidden from lists and downloads, kept in the history' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404)
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.attachments.remove(principal, id);
  }
}
