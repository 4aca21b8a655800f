--liquibase formatted sql

--changeset ita-oversight:001-province
--comment: Provinces (จังหวัด) by their two-digit code.
CREATE TABLE province (
    code           varchar(2) PRIMARY KEY CHECK (code ~ '^[1-9][0-9]$'),
    name_th        text       NOT NULL CHECK (name_th <> ''),
    name_en        text       NOT NULL,
    region         text       NOT NULL CHECK (region IN ('NORTH', 'NORTHEAST', 'CENTRAL', 'EAST', 'WEST', 'SOUTH')),
    district_count integer    NOT NULL CHECK (district_count > 0)
);
--rollback DROP TABLE province;

--changeset ita-oversight:001-agency
--comment: Agencies (อปท.), the tenants of the platform.
CREATE TABLE agency (
    code          varchar(10) PRIMARY KEY CHECK (code ~ '^[0-9]{5,10}$'),
    name_th       text        NOT NULL CHECK (name_th <> ''),
    agency_type   text        NOT NULL CHECK (agency_type IN ('PROVINCIAL_ADMINISTRATION', 'CITY_MUNICIPALITY',
                                  'TOWN_MUNICIPALITY', 'SUBDISTRICT_MUNICIPALITY', 'SUBDISTRICT_ADMINISTRATION', 'SPECIAL')),
    province_code varchar(2)  NOT NULL REFERENCES province (code),
    district_th   text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agency_province_idx ON agency (province_code, code);
--rollback DROP TABLE agency;

--changeset ita-oversight:001-registry-load
--comment: Every load of the registry code list: what, when, how many, and its content hash.
CREATE TABLE registry_load (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    loaded_at   timestamptz NOT NULL DEFAULT now(),
    source      text        NOT NULL,
    sha256      char(64)    NOT NULL,
    provinces   integer     NOT NULL,
    agencies    integer     NOT NULL,
    inserted    integer     NOT NULL,
    updated     integer     NOT NULL
);
--rollback DROP TABLE registry_load;
