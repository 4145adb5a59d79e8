/**
 * What other capabilities may use of meetings. The classes are the GraphQL object types (in this
 * code-first API the object type and the table row are one class): name them in schema
 * references and type positions; read and change the rows through the services below — the
 * lint forbids querying another capability's table. See ../README.md.
 */
export { Meeting } from './meeting.entity.js';
export { Attendance, AttendanceMode } from './attendance.entity.js';
export { MeetingsService } from './meetings.service.js';
export { AttendancesService } from './attendances.service.js';
