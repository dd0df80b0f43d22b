import { errors } from '../lib/error-catalog.js';
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;
const daysInMonth = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** RFC 3339 timestamp → Unix ms, or the catalogue error naming the parameter. Impossible dates (Feb 30) are refused. */
export function parseTimestamp(value, paramName) {
    const match = RFC3339.exec(value);
    if (match) {
        const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = match.slice(1).map((part) => Number(part ?? 0));
        // Ids carry the creation second in 32 bits (until 2150): keep dates to a sane range.
        const valid = year >= 1970 && year <= 2100 &&
            month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
            hour <= 23 && minute <= 59 && second <= 59 && offsetHour <= 23 && offsetMinute <= 59;
        if (valid)
            return Date.parse(value);
    }
    throw errors.paramValueInvalid(paramName, `${paramName} must be a valid RFC3339 date-time, e.g. 2012-10-20T07:15:20.902Z`);
}
//# sourceMappingURL=parse-timestamp.js.map