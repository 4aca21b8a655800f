package org.itaoversight.api.measures.importing;

import java.util.List;
import java.util.Optional;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyNames;

/**
 * How the document's agency was looked up in the registry, by its name, district and province: found, ambiguous
 * (several agencies fit, or only agencies that disagree with the document: a person must choose, the reader does not),
 * not found, or not named at all.
 *
 * @param outcome    {@code FOUND}, {@code AMBIGUOUS}, {@code NOT_FOUND} or {@code NOT_NAMED}
 * @param written    the agency name as the document's header gives it
 * @param problem    why there is no one agency, in Thai
 * @param candidates the agencies to choose from when ambiguous
 */
public record AgencyReading(String outcome, Optional<String> written, Optional<String> district, Optional<String> province,
                            Optional<String> problem, List<Candidate> candidates) {

    public AgencyReading {
        candidates = List.copyOf(candidates);
    }

    /** An agency the document may mean. */
    public record Candidate(String code, String nameTh, String districtTh, String provinceCode) {

        static Candidate of(Agency agency) {
            return new Candidate(agency.code(), agency.nameTh(), agency.districtTh(), agency.provinceCode());
        }
    }

    public static AgencyReading notRead() {
        return new AgencyReading("NOT_NAMED", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("ไม่พบชื่อหน่วยงาน"), List.of());
    }

    static AgencyReading of(AgencyNames.Match match, Optional<String> written, Optional<String> district,
                            Optional<String> province) {
        String outcome = match.agency().isPresent() ? "FOUND" : written.isEmpty() ? "NOT_NAMED"
                : !match.candidates().isEmpty() ? "AMBIGUOUS" : "NOT_FOUND";
        Optional<String> problem = written.isEmpty() ? Optional.of("ไม่พบชื่อหน่วยงานก่อนตารางแรก") : match.problem();
        return new AgencyReading(outcome, written, district, province, problem,
                match.candidates().stream().map(Candidate::of).toList());
    }

    public boolean isAmbiguous() {
        return outcome.equals("AMBIGUOUS");
    }

    public boolean isCandidate(String code) {
        return candidates.stream().anyMatch(c -> c.code().equals(code));
    }
}
