import { ApiProperty } from '@nestjs/swagger';
import {
  SEARCH_KINDS,
  type SearchFacetsDto,
  type SearchFacetValueDto,
  type SearchKind,
  type SearchResponseDto,
  type SearchResultDto,
} from '@iuc/domain';

export class SearchResultDoc implements SearchResultDto {
  @ApiProperty({ enum: SEARCH_KINDS }) kind: SearchKind;
  @ApiProperty({ example: '6f1c…:context', description: 'Unique within the kind.' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({
    description: 'HTML-escaped text around the match; matching words in <mark> (its only tags).',
  })
  snippet: string;
  @ApiProperty({ example: '/plans/6f1c…?section=context', description: "The web client's path." })
  url: string;
  @ApiProperty({ type: String, nullable: true, example: 'es' }) language: string | null;
  @ApiProperty({ type: String, nullable: true }) context: string | null;
  @ApiProperty({ format: 'date-time' }) date: string;
}

export class SearchFacetValueDoc implements SearchFacetValueDto {
  @ApiProperty() value: string;
  @ApiProperty({ type: String, nullable: true }) label: string | null;
  @ApiProperty() count: number;
}

export class SearchFacetsDoc implements SearchFacetsDto {
  @ApiProperty({ type: [SearchFacetValueDoc] }) kind: SearchFacetValueDto[];
  @ApiProperty({ type: [SearchFacetValueDoc] }) theme: SearchFacetValueDto[];
  @ApiProperty({ type: [SearchFacetValueDoc] }) sdg: SearchFacetValueDto[];
  @ApiProperty({ type: [SearchFacetValueDoc] }) language: SearchFacetValueDto[];
  @ApiProperty({ type: [SearchFacetValueDoc] }) pairing: SearchFacetValueDto[];
  @ApiProperty({ type: [SearchFacetValueDoc] }) country: SearchFacetValueDto[];
  @ApiProperty({ type: [SearchFacetValueDoc] }) year: SearchFacetValueDto[];
}

export class SearchResponseDoc implements SearchResponseDto {
  @ApiProperty({ type: [SearchResultDoc] }) items: SearchResultDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({
    type: SearchFacetsDoc,
    nullable: true,
    description: 'First page only, unless facets=false.',
  })
  facets: SearchFacetsDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Counted with the facets.' })
  total: number | null;
  @ApiProperty({
    enum: ['all', 'any'],
    description: "'any': no result had every word; these have some of them.",
  })
  matched: 'all' | 'any';
}
