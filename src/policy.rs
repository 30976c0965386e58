//! The structure of Københavns Kommune's IT-security policy that the rest of the program
//! refers to: the eleven areas of section 1.3 and the three goals of section 1.1. Records and
//! reports aggregate by them. The policy's sections and their text are data, in the handbook
//! (`crate::handbook`, `courses/handbook/`).

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// The eleven areas of IT-security work that policy section 1.3 lists (after ISO 27001/2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Area {
    /// Sikkerhedspolitik.
    SecurityPolicy,
    /// Organisering af it-sikkerhed.
    Organisation,
    /// Styring af aktiver.
    AssetManagement,
    /// Medarbejdersikkerhed.
    HumanResources,
    /// Fysisk sikkerhed.
    PhysicalSecurity,
    /// Styring af kommunikation og drift.
    CommunicationsOperations,
    /// Adgangsstyring.
    AccessControl,
    /// Anskaffelse, udvikling og vedligeholdelse af informationssystemer.
    SystemsAcquisition,
    /// Styring af it-sikkerhedshændelser.
    IncidentManagement,
    /// Beredskabsstyring.
    ContinuityManagement,
    /// Overensstemmelse med krav og politikker.
    Compliance,
}

impl Area {
    /// All areas in the order policy 1.3 lists them.
    pub const ALL: [Area; 11] = [
        Area::SecurityPolicy,
        Area::Organisation,
        Area::AssetManagement,
        Area::HumanResources,
        Area::PhysicalSecurity,
        Area::CommunicationsOperations,
        Area::AccessControl,
        Area::SystemsAcquisition,
        Area::IncidentManagement,
        Area::ContinuityManagement,
        Area::Compliance,
    ];

    /// A stable number for canonical encodings (never reorder: hashes depend on it).
    pub fn code(self) -> u8 {
        match self {
            Area::SecurityPolicy => 1,
            Area::Organisation => 2,
            Area::AssetManagement => 3,
            Area::HumanResources => 4,
            Area::PhysicalSecurity => 5,
            Area::CommunicationsOperations => 6,
            Area::AccessControl => 7,
            Area::SystemsAcquisition => 8,
            Area::IncidentManagement => 9,
            Area::ContinuityManagement => 10,
            Area::Compliance => 11,
        }
    }

    /// The identifier authors write in course files.
    pub fn ident(self) -> &'static str {
        match self {
            Area::SecurityPolicy => "SecurityPolicy",
            Area::Organisation => "Organisation",
            Area::AssetManagement => "AssetManagement",
            Area::HumanResources => "HumanResources",
            Area::PhysicalSecurity => "PhysicalSecurity",
            Area::CommunicationsOperations => "CommunicationsOperations",
            Area::AccessControl => "AccessControl",
            Area::SystemsAcquisition => "SystemsAcquisition",
            Area::IncidentManagement => "IncidentManagement",
            Area::ContinuityManagement => "ContinuityManagement",
            Area::Compliance => "Compliance",
        }
    }

    /// The area's name as the policy writes it (Danish) or in English.
    pub fn name(self, lang: Lang) -> &'static str {
        let (da, en) = match self {
            Area::SecurityPolicy => ("Sikkerhedspolitik", "Security policy"),
            Area::Organisation => (
                "Organisering af it-sikkerhed",
                "Organisation of IT security",
            ),
            Area::AssetManagement => ("Styring af aktiver", "Asset management"),
            Area::HumanResources => ("Medarbejdersikkerhed", "Human resources security"),
            Area::PhysicalSecurity => ("Fysisk sikkerhed", "Physical security"),
            Area::CommunicationsOperations => (
                "Styring af kommunikation og drift",
                "Communications and operations management",
            ),
            Area::AccessControl => ("Adgangsstyring", "Access control"),
            Area::SystemsAcquisition => (
                "Anskaffelse, udvikling og vedligeholdelse af informationssystemer",
                "Systems acquisition, development and maintenance",
            ),
            Area::IncidentManagement => (
                "Styring af it-sikkerhedshændelser",
                "Information security incident management",
            ),
            Area::ContinuityManagement => ("Beredskabsstyring", "Business continuity management"),
            Area::Compliance => (
                "Overensstemmelse med krav og politikker",
                "Compliance with requirements and policies",
            ),
        };
        match lang {
            Lang::Da => da,
            Lang::En => en,
        }
    }

    /// The area with the given stable code.
    pub fn from_code(code: u8) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// The three goals of policy section 1.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Goal {
    /// Fortrolighed: only authorised, authenticated users, access limited to what is needed.
    Confidentiality,
    /// Integritet: reliable, correct functioning, minimal risk of wrong data or data loss.
    Integrity,
    /// Tilgængelighed: systems available when users, citizens and businesses need them.
    Availability,
}

impl Goal {
    /// All goals in the order policy 1.1 lists them.
    pub const ALL: [Goal; 3] = [Goal::Confidentiality, Goal::Integrity, Goal::Availability];

    /// A stable number for canonical encodings.
    pub fn code(self) -> u8 {
        match self {
            Goal::Confidentiality => 1,
            Goal::Integrity => 2,
            Goal::Availability => 3,
        }
    }

    /// The goal's name as the policy writes it (Danish) or in English.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Goal::Confidentiality, Lang::Da) => "Fortrolighed",
            (Goal::Confidentiality, Lang::En) => "Confidentiality",
            (Goal::Integrity, Lang::Da) => "Integritet",
            (Goal::Integrity, Lang::En) => "Integrity",
            (Goal::Availability, Lang::Da) => "Tilgængelighed",
            (Goal::Availability, Lang::En) => "Availability",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_codes_are_distinct_and_round_trip() {
        for area in Area::ALL {
            assert_eq!(Area::from_code(area.code()), Some(area));
        }
        let mut codes: Vec<u8> = Area::ALL.iter().map(|a| a.code()).collect();
        codes.dedup();
        assert_eq!(codes.len(), 11);
    }
}
