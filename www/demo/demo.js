// The publisher's own script: a live update appended to the story after about a second.
setTimeout(() => {
  const story = document.getElementById("story");
  const p = document.createElement("p");
  p.className = "update";
  const label = document.createElement("strong");
  label.textContent = "Mise à jour, 16 h 20 — ";
  p.append(
    label,
    "« Nous rouvrirons les fontaines publiques dès que les pluies reviendront », a déclaré la maire de Valcombe, Nadia Roussel, dans un communiqué."
  );
  story.append(p);
}, 1000);
