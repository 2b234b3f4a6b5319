// Public API of the business-time calendar engine used for SLA/OLA deadlines.
export {
  CALENDAR_24_7,
  CALENDAR_ISSUE_MESSAGES,
  calendarDefinitionSchema,
  formatCalendarIssue,
  isAlwaysOpen,
} from './calendar.js';
export type { CalendarDefinition, CalendarDefinitionInput, CalendarIssueCode, WorkingPeriod } from './calendar.js';
export { frenchPublicHolidays, isFrenchPublicHoliday } from './holidays.js';
export type { FrenchHolidayRegion } from './holidays.js';
export { addBusinessSeconds, businessSecondsBetween, isWorkingTime } from './working-time.js';
export { addWorkingDays, computeDeadline, endOfWorkingDay, pausedBusinessSeconds } from './deadline.js';
export type { Pause, WorkingDaysTarget } from './deadline.js';
