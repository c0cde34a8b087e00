import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A call for applications; it sets the population threshold and the pairings' default term. */
@Entity('calls')
export class CallEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  component: string;

  @Column({ name: 'regional_programme', type: 'text' })
  regionalProgramme: string;

  @Column({ name: 'min_population', type: 'integer' })
  minPopulation: number;

  @Column({ name: 'term_months', type: 'smallint' })
  termMonths: number;

  @Column({ name: 'target_countries', type: 'text', array: true })
  targetCountries: string[];
}
