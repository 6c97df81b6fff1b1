/**
 * The name of the staging sheet a run is about to create, kept in the document's properties until
 * the sheet is gone or has become the result. A run that dies between inserting the sheet and
 * tagging it (the 6-minute limit can fall anywhere) leaves a sheet no tag identifies: this record
 * lets the next run recognise and remove it. Runs are serialised by the document lock, so there is
 * at most one at a time.
 */
const STAGING_KEY = 'retentionAnalytics.staging';

type Properties = GoogleAppsScript.Properties.Properties;

export interface StagingRecord {
  /** The staging sheet a run that did not finish was creating, if any. */
  readonly pending: string | null;
  set(name: string): void;
  clear(): void;
}

export function stagingRecord(): StagingRecord {
  const props: Properties = PropertiesService.getDocumentProperties();
  let pending = props.getProperty(STAGING_KEY);
  return {
    get pending() {
      return pending;
    },
    set(name) {
      props.setProperty(STAGING_KEY, name);
      pending = name;
    },
    clear() {
      if (pending === null) return;
      props.deleteProperty(STAGING_KEY);
      pending = null;
    },
  };
}
