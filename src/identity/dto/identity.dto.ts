import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsDateString,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MoneyDto } from '../../common/money/money.dto';
import { LOCALES, type Locale } from '../../i18n/locale';
import { PageQueryDto } from '../../common/pagination/pagination';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../entities/org-unit.entity';
import type { UserStatus } from '../entities/user.entity';
import { API_SCOPES, type ApiScope, ROLES, type Role } from '../auth/roles';
import { ValidateNestedObject } from '../../common/validation/validate-nested-object';

/** A name must show something: whitespace-only would render as a blank entry in the directory and tree. */
const NotBlank = (): PropertyDecorator => Matches(/\S/, { message: '$property must not be blank' });
/**
 * Optional, but not nullable: unlike @IsOptional, null is validated (and refused) rather than
 * passed through to a service that has no meaning for it.
 */
const OptionalNotNull = (): PropertyDecorator => ValidateIf((_o: object, v: unknown) => v !== undefined);

const LOCALE_DESCRIPTION =
  'Language of messages, notifications and problem texts. null: no preference, follow Accept-Language (docs/i18n.md).';

// ---- auth ----
export class LoginDto {
  @ApiProperty({ example: 'hero@demo.local' }) @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ example: 'hero-compact-demo' }) @IsString() @MinLength(1) @MaxLength(256) password!: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @MinLength(20) @MaxLength(256) refreshToken!: string;
}

export class OrgUnitRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId!: string;
  @ApiProperty({ enum: ROLES, isArray: true, description: 'Always includes hero' }) roles!: Role[];
  @ApiPropertyOptional({ type: MoneyDto, nullable: true, description: 'Managers: the largest budget they may approve' })
  approvalLimit!: MoneyDto | null;
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: UserStatus;
  @ApiProperty({ enum: LOCALES, nullable: true, type: String, description: LOCALE_DESCRIPTION }) locale!: Locale | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

export class MeDto extends UserDto {
  @ApiProperty({ type: OrgUnitRefDto }) orgUnit!: OrgUnitRefDto;
  @ApiProperty({ type: [String], description: 'What the roles allow (dotted permission names)' }) permissions!: string[];
}

export class TokenPairDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Opaque; rotated on every refresh' }) refreshToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: string;
  @ApiProperty({ example: 900, description: 'Access token lifetime in seconds' }) expiresIn!: number;
  @ApiProperty({ type: MeDto }) user!: MeDto;
}

// ---- users ----
export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @Length(1, 200) @NotBlank() displayName!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() orgUnitId!: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true, default: ['hero'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];
  @ApiPropertyOptional({ type: MoneyDto, nullable: true })
  @IsOptional()
  @ValidateNestedObject()
  @Type(() => MoneyDto)
  approvalLimit?: MoneyDto | null;
  @ApiPropertyOptional({ description: 'At least 12 characters, not a common password' }) @OptionalNotNull() @IsString() password?: string;
  @ApiPropertyOptional({ enum: LOCALES, nullable: true, type: String, description: LOCALE_DESCRIPTION })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) @NotBlank() displayName?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() orgUnitId?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];
  @ApiPropertyOptional({ type: MoneyDto, nullable: true })
  @IsOptional()
  @ValidateNestedObject()
  @Type(() => MoneyDto)
  approvalLimit?: MoneyDto | null;
  @ApiPropertyOptional({ enum: ['active', 'disabled'] }) @IsOptional() @IsIn(['active', 'disabled']) status?: UserStatus;
  @ApiPropertyOptional() @OptionalNotNull() @IsString() password?: string;
  @ApiPropertyOptional({ enum: LOCALES, nullable: true, type: String, description: LOCALE_DESCRIPTION })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale | null;
}

/** What signed-in people change about themselves (PATCH /me); everything else is the admin's. */
export class UpdateMeDto {
  @ApiPropertyOptional({ enum: LOCALES, nullable: true, type: String, description: LOCALE_DESCRIPTION })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale | null;
  @ApiPropertyOptional({ description: 'The name colleagues see (single sign-on may set it again at the next sign-in)' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  @NotBlank()
  displayName?: string;
}

export class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches email or display name' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() orgUnitId?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ enum: ['active', 'disabled'] }) @IsOptional() @IsIn(['active', 'disabled']) status?: UserStatus;
}

// ---- org units ----
export class OrgUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORG_UNIT_KINDS }) kind!: OrgUnitKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ description: 'Materialized path of ids from the root, e.g. /<root>/<unit>/' }) path!: string;
  @ApiProperty() depth!: number;
  @ApiProperty() version!: number;
}

export class CreateOrgUnitDto {
  @ApiProperty() @IsString() @Length(1, 200) @NotBlank() name!: string;
  @ApiProperty({ enum: ORG_UNIT_KINDS }) @IsIn(ORG_UNIT_KINDS) kind!: OrgUnitKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'Omit only for the first (root) unit' }) @IsOptional() @IsUUID() parentId?: string;
}

export class UpdateOrgUnitDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) @NotBlank() name?: string;
  @ApiPropertyOptional({ enum: ORG_UNIT_KINDS }) @IsOptional() @IsIn(ORG_UNIT_KINDS) kind?: OrgUnitKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'Move under this unit' }) @OptionalNotNull() @IsUUID() parentId?: string;
}

// ---- API keys ----
export class CreateApiKeyDto {
  @ApiProperty({ example: 'CRM sync' }) @IsString() @Length(1, 100) @NotBlank() name!: string;
  @ApiProperty({ enum: API_SCOPES, isArray: true }) @IsArray() @ArrayUnique() @IsIn(API_SCOPES, { each: true }) scopes!: ApiScope[];
  @ApiPropertyOptional({ description: 'Default: 90 days from now; at most 1 year' }) @IsOptional() @IsDateString() expiresAt?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Limit the key to this unit subtree' }) @IsOptional() @IsUUID() orgUnitId?: string;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'hck_1a2b3c4d5e6f', description: 'Visible identifier of the key' }) prefix!: string;
  @ApiProperty({ enum: API_SCOPES, isArray: true }) scopes!: ApiScope[];
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) orgUnitId!: string | null;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The secret key: shown only in this response, send it as X-API-Key' }) key!: string;
}
