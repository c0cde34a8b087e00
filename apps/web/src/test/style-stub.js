// CSS modules resolve to an empty class map in unit tests.
export default {};
