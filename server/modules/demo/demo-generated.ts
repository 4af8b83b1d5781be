import type { DemoContract, DemoFile, DemoPerson } from "./demo-types.js";

const firstNamesDe = [
  "Anna",
  "Lukas",
  "Sophie",
  "Maximilian",
  "Marie",
  "Felix",
  "Laura",
  "Jonas",
  "Lea",
  "Elias",
  "Hannah",
  "Leon",
  "Emma",
  "Noah",
  "Mia",
  "Tobias",
];
const lastNamesDe = [
  "Müller",
  "Schmidt",
  "Fischer",
  "Meyer",
  "Wagner",
  "Becker",
  "Hoffmann",
  "Schäfer",
  "Koch",
  "Bauer",
  "Richter",
  "Klein",
  "Wolf",
  "Schröder",
  "Neumann",
  "Zimmermann",
];
const firstNamesFr = [
  "Camille",
  "Louis",
  "Chloé",
  "Gabriel",
  "Manon",
  "Arthur",
  "Inès",
  "Jules",
  "Sarah",
  "Raphaël",
];
const lastNamesFr = [
  "Bernard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Michel",
  "Garcia",
  "Fournier",
];
const citiesDe = [
  ["Berlin", "10115"],
  ["Frankfurt am Main", "60311"],
  ["Stuttgart", "70173"],
  ["Düsseldorf", "40213"],
  ["Leipzig", "04109"],
  ["Bremen", "28195"],
];
const citiesFr = [
  ["Paris", "75011"],
  ["Lille", "59000"],
  ["Nantes", "44000"],
  ["Toulouse", "31000"],
];
const streetsDe = ["Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße", "Kirchplatz", "Mühlenweg"];
const streetsFr = ["rue Victor Hugo", "avenue Jean Jaurès", "boulevard Voltaire", "rue de la Paix"];
const insurersDe = ["Allianz", "AXA", "HUK-COBURG", "ERGO", "Gothaer", "R+V", "Zurich", "DEVK"];
const lines = [
  ["HRV", "Hausrat", "Hausrat"],
  ["PHV", "Privathaftpflicht", "Privathaftpflicht"],
  ["KFZ", "Kfz-Versicherung", "Pkw"],
  ["RS", "Rechtsschutz", "Privat- und Verkehrsrechtsschutz"],
  ["UNF", "Unfallversicherung", "Einzelunfall"],
  ["WG", "Wohngebäude", "Wohnhaus"],
] as const;
const statuses: DemoContract["status"][] = [
  "own",
  "own",
  "own",
  "own",
  "offer",
  "foreign",
  "cancelled",
  "dormant",
];

/**
 * More ordinary households, generated deterministically (the same every run), so the client list has
 * enough rows to search, filter and page through.
 */
export function generatedDemoFiles(count: number): DemoFile[] {
  const files: DemoFile[] = [];
  for (let i = 0; i < count; i++) {
    const french = i % 5 === 4;
    const first = (french ? firstNamesFr : firstNamesDe)[(i * 7) % (french ? 10 : 16)] as string;
    const last = (french ? lastNamesFr : lastNamesDe)[
      (i * 3 + Math.floor(i / 5)) % (french ? 10 : 16)
    ] as string;
    const [city, postalCode] = (french ? citiesFr : citiesDe)[i % (french ? 4 : 6)] as [string, string];
    const street = `${(french ? streetsFr : streetsDe)[i % 4]} ${(i % 40) + 1}`;
    const language = french ? "fr" : "de";
    const slug = `${first}.${last}`
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
    const contracts: DemoContract[] = [0, 1, 2].slice(0, 1 + (i % 3)).map((j) => {
      const [line, product, risk] = lines[(i + j * 2) % lines.length] as readonly [string, string, string];
      return {
        key: `c${j}`,
        line,
        insurer: insurersDe[(i + j) % insurersDe.length] as string,
        product,
        risk: `${risk} ${last}`,
        number: `${line}-${String(100000 + i * 10 + j)}`,
        status: statuses[(i + j) % statuses.length] as DemoContract["status"],
        start: `${2010 + (i % 14)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
        premium: `${40 + ((i * 37 + j * 11) % 900)}.${String((i * 13) % 100).padStart(2, "0")}`,
        frequency: (["monthly", "quarterly", "yearly"] as const)[(i + j) % 3],
      };
    });
    const persons: DemoPerson[] = [
      {
        role: "holder",
        firstName: first,
        lastName: last,
        email: `${slug}${i}@example.${french ? "fr" : "de"}`,
        language,
        birthDate: `${1950 + (i % 45)}-${String((i % 12) + 1).padStart(2, "0")}-15`,
      },
    ];
    if (i % 2 === 0)
      persons.push({ role: "partner", firstName: french ? "Alex" : "Kim", lastName: last, language });
    if (i % 4 === 0)
      persons.push({
        role: "child",
        firstName: french ? "Emma" : "Ben",
        lastName: last,
        language,
        birthDate: `${2005 + (i % 15)}-05-01`,
      });
    files.push({
      ext: `DEMO-GEN-${String(i + 1).padStart(3, "0")}`,
      kind: "private",
      name: `${last}, ${first}`,
      number: `K-${11000 + i}`,
      owner: i % 3 === 0 ? "admin" : "advisor",
      persons,
      address: {
        label: french ? "Domicile" : "Wohnung",
        street,
        postalCode,
        city,
        country: french ? "FR" : "DE",
        contracts: ["c0"],
      },
      contracts,
      documents:
        i % 3 === 0
          ? [
              {
                title: `Police ${contracts[0]?.number}`,
                category: "policy",
                contract: "c0",
                date: contracts[0]?.start ?? "2020-01-01",
                shared: i % 2 === 0,
              },
            ]
          : [],
      claims:
        i % 6 === 0
          ? [
              {
                contract: "c0",
                date: `2024-${String((i % 12) + 1).padStart(2, "0")}-10`,
                description: french ? "Bris de glace" : "Glasbruch",
                status: "settled",
                amount: "380.00",
              },
            ]
          : [],
    });
  }
  return files;
}
