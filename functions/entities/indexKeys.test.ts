import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Campaign } from './campaign';
import { Donation } from './donation';
import { Event } from './event';
import { Member } from './member';
import { Org } from './org';
import { Registration } from './registration';

/**
 * DynamoDB refuses a write whose secondary index key attribute is "" (ValidationException for the
 * whole request; the local emulator too: local/dynamodb/indexKeys.ts). Every gsi1 key the project
 * writes is composed with a fixed part or a separator, so it is never empty, whatever the ids,
 * even empty ones (the fan-out's pending partition is a constant). (The API tests also run against the emulator, which would refuse such a write.)
 */
describe('gsi1 keys are never empty', () => {
  const text = fc.string({ maxLength: 12 });
  const time = fc.oneof(fc.constant(''), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
  it('for every item type listed in gsi1, with any ids (empty ones included)', () => {
    fc.assert(
      fc.property(text, text, text, time, (a, b, c, at) => {
        const keys = [
          Member.byOrg.pk({ orgId: a }), Member.byOrg.sk({ groupId: b, memberId: c }),
          Org.byDistrict.pk({ districtId: a }), Org.byDistrict.sk({ orgId: b }),
          Registration.byMember.pk({ memberId: a }), Registration.byMember.sk({ startsAt: at, eventId: b }),
          Donation.byDonor.pk({ donorId: a }), Donation.byDonor.sk({ recordedAt: at, donationId: b }),
          Event.byOrg.pk({ orgId: a }), Event.byOrg.sk({ startsAt: at, eventId: b }),
          Campaign.byOrg.pk({ orgId: a }), Campaign.byOrg.sk({ closesAt: at, campaignId: b }),
        ];
        for (const key of keys) expect(key.length).toBeGreaterThan(0);
      }),
    );
  });
});
