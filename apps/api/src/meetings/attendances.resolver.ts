import { ResolveField, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_WRITERS } from '../auth/actor.js';
import { CrudResolver } from '../common/crud/crud.resolver.js';
import { Member } from '../members/members.public.js';
import { Attendance } from './attendance.entity.js';
import { AttendancesService } from './attendances.service.js';
import type { ListedAttendance } from './meeting-list.query.js';
import { AttendanceFilter, CreateAttendanceInput, UpdateAttendanceInput } from './meeting.inputs.js';
import { MembersService } from '../members/members.service.js';

@Resolver(() => Attendance)
export class AttendancesResolver extends CrudResolver({
  entity: Attendance,
  plural: 'attendances',
  singular: 'attendance',
  filter: AttendanceFilter,
  createInput: CreateAttendanceInput,
  updateInput: UpdateAttendanceInput,
  writeRoles: MUNICIPAL_WRITERS,
}) {
  constructor(
    readonly service: AttendancesService,
    private readonly members: MembersService,
  ) {
    super();
  }

  // The parent positionally, not @Parent(): Nest then passes the method to graphql-js unwrapped,
  // which matters for a meeting list's many attendances.
  @ResolveField(() => Member)
  member(a: ListedAttendance) {
    // Read with the meetings list when it asked for it.
    return a.member !== undefined ? a.member : this.members.load(a.memberId);
  }
}
