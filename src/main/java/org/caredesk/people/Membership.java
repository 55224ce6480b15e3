package org.caredesk.people;

import java.time.LocalDate;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.DisabilityKind;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.Medication;

/**
 * A person's membership of one key population with that population's details. One flat record (mirroring the
 * {@code person_category} table) rather than a type per category: the form, the importer and the repository all
 * handle it field by field, and only the fields of its own category are set.
 */
public record Membership(
        Category category,
        LocalDate releaseDate, String offence, String sentence,
        DrugProgramme drugProgramme, LocalDate drugStartDate,
        CorrectionType correctionType, LocalDate correctionStart, LocalDate correctionEnd,
        CorrectionLevel correctionLevel,
        Diagnosis diagnosis, Integer mentalRiskLevel, LocalDate consentDate, Medication medication,
        DisabilityKind disabilityKind, Integer disabilityGrade, String disabilityCertificate,
        String otherText) {

    public static Membership of(Category category) {
        return new Builder(category).build();
    }

    public static Membership releasedPrisoner(LocalDate releaseDate, String offence, String sentence) {
        return new Builder(Category.RELEASED_PRISONER).releaseDate(releaseDate).offence(offence).sentence(sentence)
                .build();
    }

    public static Membership drugUser(DrugProgramme programme, LocalDate start) {
        return new Builder(Category.DRUG_USER).drugProgramme(programme).drugStartDate(start).build();
    }

    public static Membership correction(CorrectionType type, LocalDate start, LocalDate end, CorrectionLevel level) {
        return new Builder(Category.CORRECTION).correctionType(type).correctionStart(start).correctionEnd(end)
                .correctionLevel(level).build();
    }

    public static Membership mentalDisorder(Diagnosis diagnosis, Integer riskLevel, LocalDate consent,
            Medication medication) {
        return new Builder(Category.MENTAL_DISORDER).diagnosis(diagnosis).mentalRiskLevel(riskLevel)
                .consentDate(consent).medication(medication).build();
    }

    public static Membership disabled(DisabilityKind kind, Integer grade, String certificate) {
        return new Builder(Category.DISABLED).disabilityKind(kind).disabilityGrade(grade)
                .disabilityCertificate(certificate).build();
    }

    public static Membership other(String text) {
        return new Builder(Category.OTHER).otherText(text).build();
    }

    /** End of the 帮教 period: {@code years} after release; null without a release date. */
    public LocalDate helpEndDate(int years) {
        return releaseDate == null ? null : releaseDate.plusYears(years);
    }

    /** Latest end of 社区戒毒 / 社区康复: {@code years} after the start; null without a start date. */
    public LocalDate drugEndDate(int years) {
        return drugStartDate == null ? null : drugStartDate.plusYears(years);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable builder, used by the form and the importer which fill fields one by one. */
    public static final class Builder {
        private Category category;
        private LocalDate releaseDate;
        private String offence;
        private String sentence;
        private DrugProgramme drugProgramme;
        private LocalDate drugStartDate;
        private CorrectionType correctionType;
        private LocalDate correctionStart;
        private LocalDate correctionEnd;
        private CorrectionLevel correctionLevel;
        private Diagnosis diagnosis;
        private Integer mentalRiskLevel;
        private LocalDate consentDate;
        private Medication medication;
        private DisabilityKind disabilityKind;
        private Integer disabilityGrade;
        private String disabilityCertificate;
        private String otherText;

        public Builder(Category category) {
            this.category = category;
        }

        private Builder(Membership m) {
            category = m.category;
            releaseDate = m.releaseDate;
            offence = m.offence;
            sentence = m.sentence;
            drugProgramme = m.drugProgramme;
            drugStartDate = m.drugStartDate;
            correctionType = m.correctionType;
            correctionStart = m.correctionStart;
            correctionEnd = m.correctionEnd;
            correctionLevel = m.correctionLevel;
            diagnosis = m.diagnosis;
            mentalRiskLevel = m.mentalRiskLevel;
            consentDate = m.consentDate;
            medication = m.medication;
            disabilityKind = m.disabilityKind;
            disabilityGrade = m.disabilityGrade;
            disabilityCertificate = m.disabilityCertificate;
            otherText = m.otherText;
        }

        public Builder releaseDate(LocalDate v) { releaseDate = v; return this; }
        public Builder offence(String v) { offence = v; return this; }
        public Builder sentence(String v) { sentence = v; return this; }
        public Builder drugProgramme(DrugProgramme v) { drugProgramme = v; return this; }
        public Builder drugStartDate(LocalDate v) { drugStartDate = v; return this; }
        public Builder correctionType(CorrectionType v) { correctionType = v; return this; }
        public Builder correctionStart(LocalDate v) { correctionStart = v; return this; }
        public Builder correctionEnd(LocalDate v) { correctionEnd = v; return this; }
        public Builder correctionLevel(CorrectionLevel v) { correctionLevel = v; return this; }
        public Builder diagnosis(Diagnosis v) { diagnosis = v; return this; }
        public Builder mentalRiskLevel(Integer v) { mentalRiskLevel = v; return this; }
        public Builder consentDate(LocalDate v) { consentDate = v; return this; }
        public Builder medication(Medication v) { medication = v; return this; }
        public Builder disabilityKind(DisabilityKind v) { disabilityKind = v; return this; }
        public Builder disabilityGrade(Integer v) { disabilityGrade = v; return this; }
        public Builder disabilityCertificate(String v) { disabilityCertificate = v; return this; }
        public Builder otherText(String v) { otherText = v; return this; }

        public Membership build() {
            return new Membership(category, releaseDate, offence, sentence, drugProgramme, drugStartDate,
                    correctionType, correctionStart, correctionEnd, correctionLevel, diagnosis, mentalRiskLevel,
                    consentDate, medication, disabilityKind, disabilityGrade, disabilityCertificate, otherText);
        }
    }
}
