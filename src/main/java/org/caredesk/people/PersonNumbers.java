package org.caredesk.people;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.caredesk.common.IdNumber;
import org.caredesk.common.PhoneNumber;

/**
 * The numbers of a person's file that the screens show masked (110***********002X, 138****8000): the ID number,
 * the phones, the emergency contact's phone and the disability certificate number (usually the ID number plus two
 * digits). Full, they reach a screen only through {@code PersonService.revealNumbers}, which is logged.
 *
 * @param disabilityCertificate null unless the person is registered as disabled with a certificate
 */
public record PersonNumbers(String idNumber, String phone1, String phone2, String emergencyPhone,
        String disabilityCertificate) {

    /** The character a mask puts in place of each hidden digit; never part of a real number. */
    public static final char MASK = '*';

    /** The numbers of a draft (or a stored person's data). */
    public static PersonNumbers of(PersonDraft d) {
        String certificate = null;
        for (Membership m : d.memberships()) {
            if (m.category() == Category.DISABLED) {
                certificate = m.disabilityCertificate();
            }
        }
        return new PersonNumbers(d.idNumber(), d.phone1(), d.phone2(), d.emergencyPhone(), certificate);
    }

    /** Each number masked as the lists show it; an absent number stays absent. */
    public PersonNumbers masked() {
        return new PersonNumbers(mask(idNumber, IdNumber::mask), mask(phone1, PhoneNumber::mask),
                mask(phone2, PhoneNumber::mask), mask(emergencyPhone, PhoneNumber::mask),
                mask(disabilityCertificate, IdNumber::mask));
    }

    /** Whether a text is a masked number rather than a number: it holds the mask character. */
    public static boolean isMasked(String s) {
        return s != null && s.indexOf(MASK) >= 0;
    }

    /** {@code d} with these numbers in place of its own (the certificate only if it has a disability membership). */
    public PersonDraft applyTo(PersonDraft d) {
        List<Membership> memberships = new ArrayList<>(d.memberships().size());
        for (Membership m : d.memberships()) {
            memberships.add(m.category() == Category.DISABLED
                    ? m.toBuilder().disabilityCertificate(disabilityCertificate).build() : m);
        }
        return new PersonDraft(d.name(), d.idType(), idNumber, d.ethnicity(), phone1, phone2, d.estate(),
                d.building(), d.unit(), d.room(), d.householdAddress(), d.livingSituation(), d.emergencyName(),
                d.emergencyRelation(), emergencyPhone, d.responsibleStaff(), d.note(), memberships);
    }

    /**
     * The numbers of an edited draft with each one that came back exactly as it was shown masked replaced by the
     * stored number: a user who may not see the full numbers can still edit the rest of the file, and a number they
     * retyped in full is taken as typed.
     *
     * @param typed  the numbers the form sent
     * @param stored the numbers in the database
     */
    public static PersonNumbers keepUnchanged(PersonNumbers typed, PersonNumbers stored) {
        PersonNumbers shown = stored.masked();
        return new PersonNumbers(keep(typed.idNumber, shown.idNumber, stored.idNumber),
                keep(typed.phone1, shown.phone1, stored.phone1), keep(typed.phone2, shown.phone2, stored.phone2),
                keep(typed.emergencyPhone, shown.emergencyPhone, stored.emergencyPhone),
                keep(typed.disabilityCertificate, shown.disabilityCertificate, stored.disabilityCertificate));
    }

    private static String keep(String typed, String shown, String stored) {
        return shown != null && typed != null && typed.strip().equals(shown) ? stored : typed;
    }

    private static String mask(String s, UnaryOperator<String> mask) {
        return s == null || s.isBlank() ? null : mask.apply(s);
    }
}
