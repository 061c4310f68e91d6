export { startRetentionJob, formatRetentionReport, type RetentionJobOptions } from './retention-job.js';
